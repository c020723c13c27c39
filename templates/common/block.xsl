<?xml version="1.0" encoding="UTF-8"?>
<!-- What the HTML and the XSL-FO templates of the shared block markup
     (common/block.rng) have in common: the numbers of paragraphs (1, 7.1, 7.1.1),
     the labels of list items, the numbers of footnotes. Included by a type's common
     stylesheet beside l10n.xsl and inline.xsl; fo-block.xsl and html-block.xsl draw
     the markup. Elements are matched by local name (each type has its own namespace).

     Strings the type's catalogs (strings/LANG.xml) must hold for this markup:
       list-bullet, list-dash            the label of a bulleted or dashed item
       list-number, list-letter          the label of a numbered item (arg n: 1, 2 / a, b)
       para-number                       a paragraph's number (arg n: "7.1")
       footnotes                         the heading of the HTML's footnotes
       footnote-back                     the name of the link from a footnote back to its call
       time, time-range, time-zoned      times of day (l10n.xsl)
       zone-UTC, zone-Europe-Zurich ...  time zones (l10n.xsl) -->
<xsl:stylesheet version="1.0" xmlns:xsl="http://www.w3.org/1999/XSL/Transform">

  <xsl:key name="footnote-by-id" match="*[local-name() = 'footnote']" use="@id"/>

  <!-- The number of a numbered paragraph: its place among the paras of its parent,
       after the number of the para it is in ("7.1"). -->
  <xsl:template name="para-number">
    <xsl:param name="para" select="."/>
    <xsl:variable name="n">
      <xsl:for-each select="$para/ancestor-or-self::*[local-name() = 'para']">
        <xsl:if test="position() > 1">.</xsl:if>
        <xsl:value-of select="count(preceding-sibling::*[local-name() = 'para']) + 1"/>
      </xsl:for-each>
    </xsl:variable>
    <xsl:call-template name="str">
      <xsl:with-param name="key" select="'para-number'"/>
      <xsl:with-param name="args"><a n="n"><xsl:value-of select="$n"/></a></xsl:with-param>
    </xsl:call-template>
  </xsl:template>

  <!-- 1 for a para of the letter or annex, 2 inside one, 3 further in. -->
  <xsl:template name="para-level">
    <xsl:param name="para" select="."/>
    <xsl:value-of select="count($para/ancestor-or-self::*[local-name() = 'para'])"/>
  </xsl:template>

  <!-- The label of a list item: a bullet, a dash, "3." or "c)". -->
  <xsl:template name="item-label">
    <xsl:param name="item" select="."/>
    <xsl:variable name="list" select="$item/.."/>
    <xsl:variable name="n" select="count($item/preceding-sibling::*[local-name() = 'item']) + 1
                                   + (number(concat('0', $list/@start)) - 1) * boolean($list/@start)"/>
    <xsl:choose>
      <xsl:when test="$list/@type = 'number'">
        <xsl:call-template name="str">
          <xsl:with-param name="key" select="'list-number'"/>
          <xsl:with-param name="args"><a n="n"><xsl:value-of select="$n"/></a></xsl:with-param>
        </xsl:call-template>
      </xsl:when>
      <xsl:when test="$list/@type = 'letter'">
        <xsl:call-template name="str">
          <xsl:with-param name="key" select="'list-letter'"/>
          <xsl:with-param name="args"><a n="n"><xsl:number value="$n" format="a"/></a></xsl:with-param>
        </xsl:call-template>
      </xsl:when>
      <xsl:when test="$list/@type = 'dash'">
        <xsl:call-template name="str"><xsl:with-param name="key" select="'list-dash'"/></xsl:call-template>
      </xsl:when>
      <xsl:otherwise>
        <xsl:call-template name="str"><xsl:with-param name="key" select="'list-bullet'"/></xsl:call-template>
      </xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <!-- A footnote's number: the place of its call among all calls of the document. -->
  <xsl:template name="footnote-number">
    <xsl:param name="call"/>
    <xsl:value-of select="count($call/preceding::*[local-name() = 'footnote-ref']) + 1"/>
  </xsl:template>

  <!-- Proportional column widths of a table: its col elements, else equal columns
       as many as its first row spans. Calls template "table-column" with $width
       (a number) and $total (their sum) for each column. -->
  <xsl:template name="table-columns">
    <xsl:param name="table" select="."/>
    <xsl:choose>
      <xsl:when test="$table/*[local-name() = 'col']">
        <xsl:variable name="cols" select="$table/*[local-name() = 'col']"/>
        <xsl:variable name="total" select="sum($cols/@width) + count($cols[not(@width)])"/>
        <xsl:for-each select="$cols">
          <xsl:call-template name="table-column">
            <xsl:with-param name="width" select="number(concat('0', @width)) + not(@width)"/>
            <xsl:with-param name="total" select="$total"/>
          </xsl:call-template>
        </xsl:for-each>
      </xsl:when>
      <xsl:otherwise>
        <xsl:variable name="first" select="($table/*[local-name() = 'head']/*[local-name() = 'row'] | $table/*[local-name() = 'row'])[1]"/>
        <xsl:variable name="n" select="count($first/*[not(@colspan)]) + sum($first/*/@colspan)"/>
        <xsl:for-each select="$first/*">
          <xsl:call-template name="table-column-repeat">
            <xsl:with-param name="count" select="number(concat('0', @colspan)) + not(@colspan)"/>
            <xsl:with-param name="total" select="$n"/>
          </xsl:call-template>
        </xsl:for-each>
      </xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <xsl:template name="table-column-repeat">
    <xsl:param name="count"/>
    <xsl:param name="total"/>
    <xsl:if test="$count > 0">
      <xsl:call-template name="table-column">
        <xsl:with-param name="width" select="1"/>
        <xsl:with-param name="total" select="$total"/>
      </xsl:call-template>
      <xsl:call-template name="table-column-repeat">
        <xsl:with-param name="count" select="$count - 1"/>
        <xsl:with-param name="total" select="$total"/>
      </xsl:call-template>
    </xsl:if>
  </xsl:template>

  <!-- A cell's alignment: its own, else its column's (by position, spans counted
       in the cells before it of the same row), else none. -->
  <xsl:template name="cell-align">
    <xsl:param name="cell" select="."/>
    <xsl:choose>
      <xsl:when test="$cell/@align"><xsl:value-of select="$cell/@align"/></xsl:when>
      <xsl:otherwise>
        <xsl:variable name="pos" select="count($cell/preceding-sibling::*[not(@colspan)]) + sum($cell/preceding-sibling::*/@colspan) + 1"/>
        <xsl:value-of select="$cell/ancestor::*[local-name() = 'table'][1]/*[local-name() = 'col'][position() = $pos]/@align"/>
      </xsl:otherwise>
    </xsl:choose>
  </xsl:template>
</xsl:stylesheet>
