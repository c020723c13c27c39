<?xml version="1.0" encoding="UTF-8"?>
<!-- The shared block markup (common/block.rng) as HTML, for every document type, in
     mode "block". Included by a type's html.xsl, which includes common/block.xsl
     (through its common stylesheet) and calls template "footnotes" at the end of each
     part (letter, annex) that calls footnotes.

     The HTML carries the same text as the PDF in the same order (tests/e2e/pdftext.py):
     numbers and list labels are text (span.num, span.lbl), not CSS counters; footnotes
     are a list of notes at the end of the part (section.footnotes), with links both
     ways; the rows of a table's head, repeated on each page of the PDF, are marked
     data-repeated. -->
<xsl:stylesheet version="1.0" xmlns:xsl="http://www.w3.org/1999/XSL/Transform">

  <xsl:template match="*[local-name() = 'para'][@id]" mode="block">
    <xsl:variable name="level"><xsl:call-template name="para-level"/></xsl:variable>
    <p>
      <xsl:attribute name="class">para<xsl:if test="$level > 1"> level-<xsl:value-of select="$level"/></xsl:if></xsl:attribute>
      <xsl:attribute name="id"><xsl:value-of select="@id"/></xsl:attribute>
      <span class="num"><xsl:call-template name="para-number"/></span>
      <xsl:text> </xsl:text>
      <xsl:apply-templates mode="inline"/>
    </p>
  </xsl:template>

  <xsl:template match="*[local-name() = 'para'][not(@id)]" mode="block">
    <xsl:variable name="level"><xsl:call-template name="para-level"/></xsl:variable>
    <xsl:variable name="own" select="*[local-name() != 'para']"/>
    <div class="para-group level-{$level}">
      <xsl:choose>
        <xsl:when test="$own[1][local-name() = 'p']">
          <p id="{$own[1]/@id}" class="para level-{$level}">
            <span class="num"><xsl:call-template name="para-number"/></span>
            <xsl:text> </xsl:text>
            <xsl:apply-templates select="$own[1]/node()" mode="inline"/>
          </p>
          <xsl:if test="$own[2]">
            <div class="para-body level-{$level}"><xsl:apply-templates select="$own[position() > 1]" mode="block"/></div>
          </xsl:if>
        </xsl:when>
        <xsl:otherwise>
          <div class="para level-{$level}"><span class="num"><xsl:call-template name="para-number"/></span></div>
          <div class="para-body level-{$level}"><xsl:apply-templates select="$own" mode="block"/></div>
        </xsl:otherwise>
      </xsl:choose>
      <xsl:apply-templates select="*[local-name() = 'para']" mode="block"/>
    </div>
  </xsl:template>

  <xsl:template match="*[local-name() = 'p']" mode="block">
    <p id="{@id}"><xsl:apply-templates mode="inline"/></p>
  </xsl:template>

  <xsl:template match="*[local-name() = 'list']" mode="block">
    <xsl:variable name="type">
      <xsl:choose>
        <xsl:when test="@type"><xsl:value-of select="@type"/></xsl:when>
        <xsl:otherwise>bullet</xsl:otherwise>
      </xsl:choose>
    </xsl:variable>
    <xsl:variable name="items">
      <xsl:for-each select="*[local-name() = 'item']">
        <li>
          <xsl:if test="@id"><xsl:attribute name="id"><xsl:value-of select="@id"/></xsl:attribute></xsl:if>
          <span class="lbl">
            <xsl:if test="$type = 'bullet' or $type = 'dash'"><xsl:attribute name="aria-hidden">true</xsl:attribute></xsl:if>
            <xsl:call-template name="item-label"/>
          </span>
          <xsl:text> </xsl:text>
          <xsl:choose>
            <xsl:when test="@id"><xsl:apply-templates mode="inline"/></xsl:when>
            <xsl:otherwise><xsl:apply-templates select="*" mode="block"/></xsl:otherwise>
          </xsl:choose>
        </li>
      </xsl:for-each>
    </xsl:variable>
    <xsl:choose>
      <xsl:when test="$type = 'number' or $type = 'letter'">
        <ol class="list {$type}">
          <xsl:if test="@start"><xsl:attribute name="start"><xsl:value-of select="@start"/></xsl:attribute></xsl:if>
          <xsl:if test="$type = 'letter'"><xsl:attribute name="type">a</xsl:attribute></xsl:if>
          <xsl:copy-of select="$items"/>
        </ol>
      </xsl:when>
      <xsl:otherwise><ul class="list {$type}"><xsl:copy-of select="$items"/></ul></xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <xsl:template match="*[local-name() = 'table']" mode="block">
    <table class="grid">
      <xsl:if test="@id"><xsl:attribute name="id"><xsl:value-of select="@id"/></xsl:attribute></xsl:if>
      <xsl:for-each select="*[local-name() = 'caption']">
        <caption id="{@id}"><xsl:apply-templates mode="inline"/></caption>
      </xsl:for-each>
      <colgroup><xsl:call-template name="table-columns"/></colgroup>
      <xsl:if test="*[local-name() = 'head']">
        <thead><xsl:apply-templates select="*[local-name() = 'head']/*[local-name() = 'row']" mode="block"/></thead>
      </xsl:if>
      <tbody><xsl:apply-templates select="*[local-name() = 'row']" mode="block"/></tbody>
    </table>
  </xsl:template>

  <xsl:template name="table-column">
    <xsl:param name="width"/>
    <xsl:param name="total"/>
    <col style="width: {round($width * 1000 div $total) div 10}%"/>
  </xsl:template>

  <xsl:template match="*[local-name() = 'row']" mode="block">
    <xsl:variable name="head" select="boolean(ancestor::*[local-name() = 'head'])"/>
    <tr>
      <xsl:if test="$head"><xsl:attribute name="data-repeated">page-top</xsl:attribute></xsl:if>
      <xsl:for-each select="*[local-name() = 'cell']">
        <xsl:variable name="align"><xsl:call-template name="cell-align"/></xsl:variable>
        <xsl:element name="{substring('tdth', 1 + 2 * $head, 2)}">
          <xsl:if test="$head"><xsl:attribute name="scope">col</xsl:attribute></xsl:if>
          <xsl:if test="@id"><xsl:attribute name="id"><xsl:value-of select="@id"/></xsl:attribute></xsl:if>
          <xsl:if test="@colspan"><xsl:attribute name="colspan"><xsl:value-of select="@colspan"/></xsl:attribute></xsl:if>
          <xsl:if test="@rowspan"><xsl:attribute name="rowspan"><xsl:value-of select="@rowspan"/></xsl:attribute></xsl:if>
          <xsl:if test="string($align) != ''"><xsl:attribute name="class">align-<xsl:value-of select="$align"/></xsl:attribute></xsl:if>
          <xsl:choose>
            <xsl:when test="@id"><xsl:apply-templates mode="inline"/></xsl:when>
            <xsl:otherwise><xsl:apply-templates select="*" mode="block"/></xsl:otherwise>
          </xsl:choose>
        </xsl:element>
      </xsl:for-each>
    </tr>
  </xsl:template>

  <!-- Footnotes: the call links to the note, the note back to the call. -->
  <xsl:template match="*[local-name() = 'footnote']" mode="block"/>

  <xsl:template match="*[local-name() = 'footnote-ref']" mode="inline">
    <sup class="fn-ref"><a href="#{@ref}" id="call-{@ref}" role="doc-noteref"><xsl:call-template name="footnote-number"><xsl:with-param name="call" select="."/></xsl:call-template></a></sup>
  </xsl:template>

  <!-- The notes called in $part (the letter, an annex), in the order of their calls. -->
  <xsl:template name="footnotes">
    <xsl:param name="part" select="."/>
    <xsl:variable name="calls" select="$part//*[local-name() = 'footnote-ref']"/>
    <xsl:if test="$calls">
      <section class="footnotes" role="doc-endnotes">
        <xsl:attribute name="aria-label"><xsl:call-template name="str-text"><xsl:with-param name="key" select="'footnotes'"/></xsl:call-template></xsl:attribute>
        <ol>
          <xsl:for-each select="$calls">
            <xsl:variable name="call" select="."/>
            <xsl:for-each select="key('footnote-by-id', @ref)[1]">
              <li id="{@id}" role="doc-endnote">
                <span class="lbl"><xsl:call-template name="footnote-number"><xsl:with-param name="call" select="$call"/></xsl:call-template></span>
                <xsl:text> </xsl:text>
                <xsl:apply-templates mode="inline"/>
                <xsl:text> </xsl:text>
                <a href="#call-{@id}" class="fn-back" role="doc-backlink">
                  <xsl:attribute name="aria-label"><xsl:call-template name="str-text"><xsl:with-param name="key" select="'footnote-back'"/></xsl:call-template></xsl:attribute>
                </a>
              </li>
            </xsl:for-each>
          </xsl:for-each>
        </ol>
      </section>
    </xsl:if>
  </xsl:template>

  <xsl:template match="*[local-name() = 'figure']" mode="block">
    <figure>
      <xsl:if test="@id"><xsl:attribute name="id"><xsl:value-of select="@id"/></xsl:attribute></xsl:if>
      <img src="{@src}" alt="{normalize-space(*[local-name() = 'alt'])}" id="{*[local-name() = 'alt']/@id}">
        <xsl:if test="@width"><xsl:attribute name="style">width: <xsl:value-of select="@width"/></xsl:attribute></xsl:if>
      </img>
      <xsl:for-each select="*[local-name() = 'caption']">
        <figcaption id="{@id}"><xsl:apply-templates mode="inline"/></figcaption>
      </xsl:for-each>
    </figure>
  </xsl:template>

  <xsl:template match="*[local-name() = 'heading']" mode="block">
    <xsl:variable name="level" select="number(concat('0', @level)) + not(@level)"/>
    <xsl:element name="h{$level + 1}">
      <xsl:attribute name="id"><xsl:value-of select="@id"/></xsl:attribute>
      <xsl:apply-templates mode="inline"/>
    </xsl:element>
  </xsl:template>
</xsl:stylesheet>
