<?xml version="1.0" encoding="UTF-8"?>
<!-- A TSB collective letter as XSL-FO 1.1, for circgen's layout engine (and any FO
     processor). The letter form (page masters, letterhead, header block, subject,
     closing, signature, running header and address footer) is the one of every TSB
     letter, common/fo-letter.xsl; the body is the shared block markup
     (common/fo-block.xsl) with the table of deadlines; each annex starts on a new page.

     Parameters (passed by circgen):
       $typedir  absolute path of this folder
       $emblem   the letterhead image; default: the neutral placeholder emblem.svg
                 (the same as the TSB circular's) -->
<xsl:stylesheet version="1.0"
                xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
                xmlns:fo="http://www.w3.org/1999/XSL/Format"
                xmlns:c="urn:circgen:collective-letter"
                xmlns:s="urn:circgen:strings"
                xmlns:x="adobe:ns:meta/"
                xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#"
                xmlns:dc="http://purl.org/dc/elements/1.1/"
                xmlns:pdf="http://ns.adobe.com/pdf/1.3/"
                xmlns:xmp="http://ns.adobe.com/xap/1.0/"
                exclude-result-prefixes="c s">

  <xsl:include href="common.xsl"/>
  <xsl:include href="../common/fo-inline.xsl"/>
  <xsl:include href="../common/fo-block.xsl"/>
  <xsl:include href="../common/fo-letter.xsl"/>
  <xsl:output method="xml" encoding="UTF-8" indent="no"/>
  <xsl:param name="typedir" select="'.'"/>
  <xsl:param name="emblem" select="concat($typedir, '/emblem.svg')"/>

  <xsl:variable name="body-font">
    <xsl:choose>
      <xsl:when test="$lang = 'zh'">Liberation Serif, Noto Serif CJK SC</xsl:when>
      <xsl:otherwise>Liberation Serif</xsl:otherwise>
    </xsl:choose>
  </xsl:variable>
  <xsl:variable name="heading-font">
    <xsl:choose>
      <xsl:when test="$lang = 'zh'">Liberation Sans, Noto Sans CJK SC</xsl:when>
      <xsl:otherwise>Liberation Serif</xsl:otherwise>
    </xsl:choose>
  </xsl:variable>
  <xsl:variable name="sans-font">
    <xsl:choose>
      <xsl:when test="$lang = 'zh'">Liberation Sans, Noto Sans CJK SC</xsl:when>
      <xsl:otherwise>Liberation Sans</xsl:otherwise>
    </xsl:choose>
  </xsl:variable>
  <xsl:variable name="align" select="'justify'"/>
  <xsl:variable name="accent">#00629b</xsl:variable>

  <xsl:template match="/c:collective-letter">
    <fo:root font-family="{$body-font}" font-size="12pt" line-height="1.3"
             language="{$lang}" xml:lang="{$out-lang}" writing-mode="{$writing-mode}">
      <xsl:if test="$lang = 'zh'"><xsl:attribute name="country">CN</xsl:attribute></xsl:if>
      <xsl:if test="contains($hyphenated-langs, concat('|', $lang, '|'))"><xsl:attribute name="hyphenate">true</xsl:attribute></xsl:if>
      <xsl:call-template name="letter-page-masters"/>

      <fo:declarations>
        <x:xmpmeta>
          <rdf:RDF>
            <rdf:Description rdf:about="">
              <dc:title><xsl:apply-templates select="c:subject" mode="text"/></dc:title>
              <dc:creator><xsl:call-template name="str"><xsl:with-param name="key" select="'bureau'"/></xsl:call-template></dc:creator>
              <dc:description><xsl:value-of select="concat($doc-name, ' (', @code, ')')"/></dc:description>
              <dc:language><xsl:value-of select="$out-lang"/></dc:language>
              <dc:date><xsl:value-of select="@date"/></dc:date>
              <pdf:Keywords><xsl:call-template name="keywords"/></pdf:Keywords>
              <xmp:CreateDate><xsl:value-of select="concat(@date, 'T00:00:00Z')"/></xmp:CreateDate>
              <xmp:CreatorTool>circgen</xmp:CreatorTool>
            </rdf:Description>
          </rdf:RDF>
        </x:xmpmeta>
      </fo:declarations>

      <fo:bookmark-tree>
        <fo:bookmark internal-destination="letter">
          <fo:bookmark-title><xsl:value-of select="$doc-name"/></fo:bookmark-title>
        </fo:bookmark>
        <xsl:for-each select="c:annex">
          <fo:bookmark internal-destination="{@id}">
            <fo:bookmark-title><xsl:call-template name="annex-name"/></fo:bookmark-title>
            <xsl:for-each select="c:heading[not(@level) or @level = 1]">
              <fo:bookmark internal-destination="{@id}">
                <fo:bookmark-title><xsl:apply-templates select="." mode="text"/></fo:bookmark-title>
              </fo:bookmark>
            </xsl:for-each>
          </fo:bookmark>
        </xsl:for-each>
      </fo:bookmark-tree>

      <fo:page-sequence master-reference="letter" initial-page-number="1">
        <xsl:call-template name="letter-page-furniture"/>
        <fo:flow flow-name="xsl-region-body">
          <fo:block id="letter">
            <xsl:call-template name="letter-head"/>
            <fo:block space-after="6pt" role="P"><xsl:call-template name="str"><xsl:with-param name="key" select="'salutation'"/></xsl:call-template></fo:block>
            <xsl:apply-templates select="c:letter/*" mode="block"/>
            <xsl:call-template name="letter-close"/>
          </fo:block>
          <xsl:apply-templates select="c:annex"/>
        </fo:flow>
      </fo:page-sequence>
    </fo:root>
  </xsl:template>

  <!-- The table of deadlines: one row per due, by date; the date column in bold. -->
  <xsl:template match="c:deadlines" mode="block">
    <fo:block space-before="4pt" space-after="10pt" font-size="11pt" text-align="start" keep-together.within-page="always" keep-with-previous.within-page="always">
      <fo:block font-family="{$heading-font}" font-weight="bold" text-align="center" space-after="4pt"
                keep-with-next.within-page="always" role="Caption">
        <xsl:if test="c:caption"><xsl:attribute name="id"><xsl:value-of select="c:caption/@id"/></xsl:attribute></xsl:if>
        <xsl:call-template name="deadlines-caption"/>
      </fo:block>
      <fo:table table-layout="fixed" width="100%" border-collapse="collapse" border="0.5pt solid black">
        <fo:table-column column-width="proportional-column-width(2)"/>
        <fo:table-column column-width="proportional-column-width(5)"/>
        <fo:table-header>
          <fo:table-row>
            <xsl:for-each select="$strings/s:s[@id = 'due-when-head' or @id = 'due-what-head']">
              <fo:table-cell border="0.5pt solid black" padding="3pt 4pt" background-color="#e6edf3"
                             font-family="{$heading-font}" font-weight="bold">
                <fo:block><xsl:call-template name="str"><xsl:with-param name="key" select="@id"/></xsl:call-template></fo:block>
              </fo:table-cell>
            </xsl:for-each>
          </fo:table-row>
        </fo:table-header>
        <fo:table-body>
          <xsl:for-each select="c:due">
            <xsl:sort select="translate(substring(concat(@date, @at), 1, 10), '-', '')" data-type="number"/>
            <xsl:sort select="translate(substring(@at, 12, 5), ':', '')" data-type="number"/>
            <fo:table-row keep-together.within-page="always">
              <fo:table-cell border="0.5pt solid black" padding="3pt 4pt">
                <fo:block font-family="{$heading-font}" font-weight="bold"><xsl:call-template name="due-when"/></fo:block>
              </fo:table-cell>
              <fo:table-cell border="0.5pt solid black" padding="3pt 4pt">
                <fo:block>
                  <xsl:if test="@id"><xsl:attribute name="id"><xsl:value-of select="@id"/></xsl:attribute></xsl:if>
                  <xsl:call-template name="due-what"/>
                </fo:block>
              </fo:table-cell>
            </fo:table-row>
          </xsl:for-each>
        </fo:table-body>
      </fo:table>
    </fo:block>
  </xsl:template>

  <!-- An annex: heading, title, then its blocks (common/fo-block.xsl). -->
  <xsl:template match="c:annex">
    <fo:block id="{@id}" break-before="page">
      <fo:block text-align="center" font-family="{$heading-font}" font-weight="bold" font-size="13pt"
                space-after="8pt" keep-with-next.within-page="always" role="H1">
        <xsl:call-template name="annex-heading"/>
      </fo:block>
      <xsl:for-each select="c:title">
        <fo:block text-align="center" font-family="{$heading-font}" font-weight="bold" space-after="14pt"
                  keep-with-next.within-page="always" role="H2" id="{@id}">
          <xsl:apply-templates mode="inline"/>
        </fo:block>
      </xsl:for-each>
      <xsl:apply-templates select="*[not(self::c:title)]" mode="block"/>
    </fo:block>
  </xsl:template>
</xsl:stylesheet>
