<?xml version="1.0" encoding="UTF-8"?>
<!-- A liaison statement as XSL-FO 1.1: A4, the routing fields as a two-column table,
     then the body; "Page N of M" at the foot of every page. -->
<xsl:stylesheet version="1.0"
                xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
                xmlns:fo="http://www.w3.org/1999/XSL/Format"
                xmlns:l="urn:circgen:liaison-statement"
                xmlns:x="adobe:ns:meta/"
                xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#"
                xmlns:dc="http://purl.org/dc/elements/1.1/"
                xmlns:xmp="http://ns.adobe.com/xap/1.0/"
                xmlns:exsl="http://exslt.org/common"
                extension-element-prefixes="exsl"
                exclude-result-prefixes="l">

  <xsl:include href="common.xsl"/>
  <xsl:include href="../common/fo-inline.xsl"/>
  <xsl:output method="xml" encoding="UTF-8" indent="no"/>
  <xsl:param name="typedir" select="'.'"/>

  <xsl:variable name="accent">#00629b</xsl:variable>
  <xsl:variable name="body-font">Liberation Sans, Noto Sans CJK SC, Amiri</xsl:variable>
  <xsl:variable name="heading-font">Liberation Sans, Noto Sans CJK SC, Amiri</xsl:variable>

  <xsl:template match="/l:liaison">
    <fo:root font-family="{$body-font}" font-size="10.5pt" line-height="1.35" language="{$lang}" xml:lang="{$out-lang}"
             writing-mode="{$writing-mode}">
      <fo:layout-master-set>
        <fo:simple-page-master master-name="page" page-width="210mm" page-height="297mm"
                               margin-top="18mm" margin-bottom="12mm" margin-left="20mm" margin-right="20mm">
          <fo:region-body margin-bottom="14mm"/>
          <fo:region-after extent="8mm"/>
        </fo:simple-page-master>
      </fo:layout-master-set>
      <fo:declarations>
        <x:xmpmeta>
          <rdf:RDF>
            <rdf:Description rdf:about="">
              <dc:title><xsl:apply-templates select="l:title" mode="text"/></dc:title>
              <dc:creator><xsl:value-of select="l:from/l:group"/></dc:creator>
              <dc:description><xsl:call-template name="str"><xsl:with-param name="key" select="'doc-kind'"/></xsl:call-template></dc:description>
              <dc:language><xsl:value-of select="$out-lang"/></dc:language>
              <xmp:CreateDate><xsl:value-of select="concat(@submitted, 'T00:00:00Z')"/></xmp:CreateDate>
              <xmp:CreatorTool>circgen</xmp:CreatorTool>
            </rdf:Description>
          </rdf:RDF>
        </x:xmpmeta>
      </fo:declarations>
      <fo:bookmark-tree>
        <fo:bookmark internal-destination="{l:title/@id}">
          <fo:bookmark-title><xsl:apply-templates select="l:title" mode="text"/></fo:bookmark-title>
        </fo:bookmark>
        <fo:bookmark internal-destination="body">
          <fo:bookmark-title><xsl:call-template name="str"><xsl:with-param name="key" select="'label-body'"/></xsl:call-template></fo:bookmark-title>
        </fo:bookmark>
      </fo:bookmark-tree>
      <fo:page-sequence master-reference="page">
        <fo:static-content flow-name="xsl-region-after">
          <fo:block text-align="center" font-size="8.5pt" color="#555555" role="Artifact">
            <fo:page-number/> / <fo:page-number-citation-last ref-id="end"/>
          </fo:block>
        </fo:static-content>
        <fo:flow flow-name="xsl-region-body">
          <fo:block font-size="9pt" color="#555555" letter-spacing="0.5pt">
            <xsl:call-template name="str"><xsl:with-param name="key" select="'doc-kind'"/></xsl:call-template>
          </fo:block>
          <fo:block id="{l:title/@id}" font-family="{$heading-font}" font-weight="bold" font-size="14pt"
                    space-before="2pt" space-after="10pt" role="H1">
            <xsl:apply-templates select="l:title/node()" mode="inline"/>
          </fo:block>
          <fo:table table-layout="fixed" width="100%" space-after="12pt" border-top="0.5pt solid #999999" role="Table">
            <fo:table-column column-width="42mm"/>
            <fo:table-column column-width="proportional-column-width(1)"/>
            <fo:table-body>
              <xsl:variable name="fields"><xsl:call-template name="fields"/></xsl:variable>
              <xsl:for-each select="exsl:node-set($fields)/field">
                <xsl:call-template name="row">
                  <xsl:with-param name="key" select="@key"/>
                  <xsl:with-param name="value">
                    <xsl:choose>
                      <xsl:when test="l:contact">
                        <xsl:for-each select="l:contact"><fo:block><xsl:apply-templates select="."/></fo:block></xsl:for-each>
                      </xsl:when>
                      <xsl:otherwise><fo:block><xsl:copy-of select="node()"/></fo:block></xsl:otherwise>
                    </xsl:choose>
                  </xsl:with-param>
                </xsl:call-template>
              </xsl:for-each>
              <xsl:if test="l:attachments">
                <xsl:call-template name="row">
                  <xsl:with-param name="key" select="'label-attachments'"/>
                  <xsl:with-param name="value">
                    <xsl:for-each select="l:attachments/l:attachment">
                      <fo:block id="{@id}">
                        <xsl:choose>
                          <xsl:when test="@href"><fo:basic-link external-destination="url('{@href}')" color="{$accent}"><xsl:apply-templates mode="inline"/></fo:basic-link></xsl:when>
                          <xsl:otherwise><xsl:apply-templates mode="inline"/></xsl:otherwise>
                        </xsl:choose>
                      </fo:block>
                    </xsl:for-each>
                  </xsl:with-param>
                </xsl:call-template>
              </xsl:if>
            </fo:table-body>
          </fo:table>
          <fo:block id="body" font-family="{$heading-font}" font-weight="bold" space-after="4pt" keep-with-next.within-page="always" role="H2">
            <xsl:call-template name="str"><xsl:with-param name="key" select="'label-body'"/></xsl:call-template>
          </fo:block>
          <xsl:for-each select="l:body/l:p">
            <fo:block id="{@id}" space-after="6pt" text-align="justify" role="P">
              <xsl:if test="$dir != 'rtl' and $lang != 'zh'"><xsl:attribute name="hyphenate">true</xsl:attribute></xsl:if><xsl:apply-templates mode="inline"/></fo:block>
          </xsl:for-each>
          <fo:block id="end"/>
        </fo:flow>
      </fo:page-sequence>
    </fo:root>
  </xsl:template>

  <xsl:template name="row">
    <xsl:param name="key"/>
    <xsl:param name="value"/>
    <fo:table-row keep-together.within-page="always">
      <fo:table-cell padding="2pt 0" padding-end="4pt" border-bottom="0.5pt solid #cccccc" role="TH">
        <fo:block font-weight="bold"><xsl:call-template name="str"><xsl:with-param name="key" select="$key"/></xsl:call-template></fo:block>
      </fo:table-cell>
      <fo:table-cell padding="2pt 0" border-bottom="0.5pt solid #cccccc"><xsl:copy-of select="$value"/></fo:table-cell>
    </fo:table-row>
  </xsl:template>

  <!-- "The IESG <iesg@ietf.org>", or the bare address, as a mail link. -->
  <xsl:template match="l:contact">
    <xsl:variable name="c">
      <xsl:if test="normalize-space(.)"><xsl:value-of select="normalize-space(.)"/><xsl:text> &lt;</xsl:text></xsl:if>
      <fo:basic-link external-destination="url('mailto:{@email}')" color="{$accent}"><xsl:value-of select="@email"/></fo:basic-link>
      <xsl:if test="normalize-space(.)"><xsl:text>&gt;</xsl:text></xsl:if>
    </xsl:variable>
    <xsl:choose>
      <!-- right to left: the Latin "Name <address>" as a left-to-right isolate -->
      <xsl:when test="$dir = 'rtl'"><fo:inline direction="ltr" unicode-bidi="isolate"><xsl:copy-of select="$c"/></fo:inline></xsl:when>
      <xsl:otherwise><xsl:copy-of select="$c"/></xsl:otherwise>
    </xsl:choose>
  </xsl:template>
</xsl:stylesheet>
